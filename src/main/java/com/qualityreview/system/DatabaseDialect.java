package com.qualityreview.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** The two databases the product runs on; SQL that cannot be written once for both asks this. */
public enum DatabaseDialect {
    POSTGRESQL, HSQLDB;

    /**
     * An aggregate giving the exact median of a DECIMAL(18, 6) expression's non-null values (for an
     * even count, the mean of the two middle values), null for no values.
     */
    public String median(String expression) {
        return switch (this) {
            // PERCENTILE_CONT works in double precision (0.1 and 0.2 give 0.15000000000000002), so the
            // mean of the two middle values themselves: PERCENTILE_DISC(f) is the value at position
            // ceil(f × n), 0.5 the lower middle one and 0.5 + 2^-40 the upper one (for n < 2^39); the
            // two share one sort.
            case POSTGRESQL -> "(PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY " + expression + ") + PERCENTILE_DISC(" + UPPER_MIDDLE
                    + ") WITHIN GROUP (ORDER BY " + expression + ")) / 2";
            // MEDIAN keeps its argument's scale, so half of an odd last digit would be cut: 10 decimals hold it.
            case HSQLDB -> "MEDIAN(CAST(" + expression + " AS DECIMAL(28, 10)))";
        };
    }

    private static final String UPPER_MIDDLE = Double.toString(0.5 + Math.scalb(1.0, -40));

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
