package com.qualityreview.system;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A second process on an embedded database, for tests: opens the HSQLDB file database of its
 * argument, says "holding" and keeps it open until its standard input closes.
 */
public final class HoldEmbeddedDatabase {

    private HoldEmbeddedDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "SA", "")) {
            connection.createStatement().execute("CREATE TABLE held (id INT)");
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() != -1) {
                // Until the test closes the pipe.
            }
        }
    }
}
