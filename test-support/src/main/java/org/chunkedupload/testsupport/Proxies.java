package org.chunkedupload.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** Dynamic proxies for the tests' fault-injecting providers: wrap an interface, pass calls through. */
public final class Proxies {
    /** What a proxy does with a call. */
    public interface Handler {
        /**
         * @param m the method called
         * @param args its arguments (null for none)
         * @return the result
         * @throws Throwable what the call throws
         */
        Object handle(Method m, Object[] args) throws Throwable;
    }

    private Proxies() {
    }

    /**
     * @param type the interface
     * @param h what each call does
     * @return a proxy of {@code type}
     */
    @SuppressWarnings("unchecked")
    public static <T> T of(Class<T> type, Handler h) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> h.handle(m, args));
    }

    /**
     * @return what {@code m} on {@code target} returns, its own exception rethrown unwrapped
     * @throws Throwable what the call throws
     */
    public static Object call(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
