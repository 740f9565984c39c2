package com.qualityreview.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** The two databases the product runs on; SQL that cannot be written once for both asks this. */
public enum DatabaseDialect {
    POSTGRESQL, HSQLDB;

    public static DatabaseDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("hsql")) {
                return HSQLDB;
            }
            throw new IllegalStateException("spring.datasource.url: unsupported database '" + product + "' (PostgreSQL or HSQLDB)");
        }
        catch (SQLException e) {
            throw new IllegalStateException("spring.datasource.url: cannot connect to the database: " + e.getMessage(), e);
        }
    }
}
