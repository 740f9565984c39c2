package com.qualityreview.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of the HTTP API, served at {@code /v3/api-docs}. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI qualityReviewApi() {
        return new OpenAPI()
                .info(new Info().title("Quality Review API").version("1")
                        .description("Executions, reviews, imports, reports and deliveries. HTTP Basic; VIEWER reads, ADMIN also changes."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
