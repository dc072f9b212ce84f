package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.opengovinfo.model.template.Templates;

/** The model's shared values as beans. Templates load at startup, so a broken template file stops the service. */
@Factory
class ModelBeans {

    @Context
    Templates templates() {
        return Templates.bundled();
    }
}
