package eres.api;

/** Input data that cannot be used as given: unknown or non-numeric column, duplicate key, missing values ... */
public final class DataException extends EresException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
