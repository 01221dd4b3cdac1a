package org.chunkedupload.tck;

import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Reports the rules a backend is known to break as deviations instead of hiding them. A rule
 * declared in {@link ChunkedUploadTck#deviations()} still runs in full: if it fails, the test is
 * reported aborted with "DEVIATION", the declared evidence and the observed failure; if it passes,
 * the test fails, because the declaration is no longer true and must be removed.
 */
final class DeviationHandler implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        String rule = context.getDisplayName().split(" ")[0];
        Object instance = context.getRequiredTestInstance();
        Map<String, String> deviations = instance instanceof TckRules r ? r.deviations() : Map.of();
        String evidence = deviations.get(rule);
        if (evidence == null) {
            invocation.proceed();
            return;
        }
        try {
            invocation.proceed();
        } catch (TestAbortedException skipped) {
            throw skipped;
        } catch (Throwable observed) {
            throw new TestAbortedException("DEVIATION " + rule + " of this backend: " + evidence + " | observed: "
                    + observed, observed);
        }
        throw new AssertionFailedError(rule + " is declared as a deviation of this backend (" + evidence
                + ") but it passed: remove it from deviations()");
    }
}
