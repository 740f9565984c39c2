package com.qualityreview.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.qualityreview.system.QualityProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * SMTP when Spring Boot's mail settings name a host (spring.mail.host, ...); otherwise each message
 * is written as {@code <period>-r<revision>-delivery-<id>.eml} to quality.outbox-dir. A message file
 * that exists already is not written again, so the outbox keeps the exactly-once rule too.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> mailSender, QualityProperties properties) {
        JavaMailSender smtp = mailSender.getIfAvailable();
        if (smtp != null) {
            return new MailTransport() {
                @Override
                public void send(MimeMessage message, Delivery delivery) {
                    smtp.send(message);
                }

                @Override
                public String describe() {
                    return "sent";
                }
            };
        }
        Path outbox = properties.outboxDir();
        return new MailTransport() {
            @Override
            public void send(MimeMessage message, Delivery delivery) throws MessagingException {
                Path file = outbox.resolve(delivery.period() + "-r" + delivery.revision() + "-delivery-" + delivery.id() + ".eml");
                if (Files.exists(file)) {
                    return;
                }
                try {
                    Files.createDirectories(outbox);
                    Path temporary = outbox.resolve(file.getFileName() + ".tmp");
                    try (OutputStream out = Files.newOutputStream(temporary)) {
                        message.writeTo(out);
                    }
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String describe() {
                return "written to " + outbox.toAbsolutePath().normalize();
            }
        };
    }
}
