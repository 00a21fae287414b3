package eres.api;

/**
 * The one error type eres documents: every problem a user can cause (bad chain file, bad data,
 * unusable design) surfaces as a subclass with a one-line message naming what is wrong.
 * Anything else escaping a run is a bug.
 */
public class EresException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EresException(String message) {
        super(oneLine(message));
    }

    public EresException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace("\r", " ").replace('\n', ' ').strip();
    }

    /** Returns a copy of this error whose message starts with {@code prefix} (e.g. the step id). */
    public EresException withContext(String prefix) {
        return new EresException(prefix + ": " + getMessage(), this);
    }
}
