package org.opengovinfo.model.text;

/** A text pattern file ({@code <template>.text.json}) is missing or malformed; the message names the file and path. */
public class TextDefinitionException extends RuntimeException {

    public TextDefinitionException(String message) {
        super(message);
    }
}
