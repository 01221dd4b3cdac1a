package org.chunkedupload.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a list of strings as one URL-safe token: {@code prefix + base64url(len:field len:field ...)}.
 * Length prefixes make every character legal inside a field.
 */
final class CompactCodec {
    private CompactCodec() {
    }

    /**
     * @param prefix a short, versioned type tag such as {@code "cuh1."}
     * @param fields the fields, none {@code null}
     * @return the token
     */
    static String encode(String prefix, @Nullable List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            sb.append(f.length()).append(':').append(f);
        }
        return prefix + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param prefix the expected type tag
     * @param token a token made by {@link #encode}
     * @param what the name of the value type, for error messages
     * @return the fields
     * @throws IllegalArgumentException when the token is not a well-formed token of this type
     */
    static List<String> decode(String prefix, String token, String what) {
        if (token == null || !token.startsWith(prefix)) {
            throw new IllegalArgumentException("not a serialized " + what + ": it must start with '" + prefix
                    + "' (pass the exact string produced by serialize())");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token.substring(prefix.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt serialized " + what + ": not base64url after '" + prefix
                    + "' (was the string truncated or edited?)", e);
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int colon = text.indexOf(':', i);
            if (colon < 0) {
                throw corrupt(what);
            }
            int len;
            try {
                len = Integer.parseInt(text.substring(i, colon));
            } catch (NumberFormatException e) {
                throw corrupt(what);
            }
            if (len < 0 || colon + 1 + len > text.length()) {
                throw corrupt(what);
            }
            out.add(text.substring(colon + 1, colon + 1 + len));
            i = colon + 1 + len;
        }
        return out;
    }

    private static IllegalArgumentException corrupt(String what) {
        return new IllegalArgumentException("corrupt serialized " + what
                + ": field framing is broken (was the string truncated or edited?)");
    }
}
