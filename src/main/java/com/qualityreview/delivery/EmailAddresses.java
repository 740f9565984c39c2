package com.qualityreview.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** The one test of an email address the application accepts in its settings: one plain address, user@domain. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static boolean isValid(String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            return email.contains("@") && !email.endsWith("@") && address.getAddress().equals(email);
        }
        catch (AddressException e) {
            return false;
        }
    }
}
