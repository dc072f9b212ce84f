package org.opengovinfo.model.template;

/** A template or rule file that cannot be used; the message names the file and the problem. */
public class TemplateDefinitionException extends RuntimeException {

    public TemplateDefinitionException(String message) {
        super(message);
    }

    public TemplateDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
