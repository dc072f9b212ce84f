package org.opengovinfo.model.indicator;

/** An indicator or risk-flag file is missing or malformed; the message names the file, the JSON path and the problem. */
public class IndicatorDefinitionException extends RuntimeException {

    public IndicatorDefinitionException(String message) {
        super(message);
    }

    public IndicatorDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
