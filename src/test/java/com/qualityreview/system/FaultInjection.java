package com.qualityreview.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import java.lang.reflect.Method;
import java.sql.SQLException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Lets a test make the database fail part way through a job: after a given number of
 * executions of prepared statements containing a marker (say "feedback"), that statement, or every
 * statement when the database "goes away", fails as a lost connection would.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjection {

    private final AtomicInteger batchesBeforeFailure = new AtomicInteger(-1);
    private volatile String marker;
    private volatile boolean databaseGone;
    private volatile boolean goneAfterFailure;

    /** After {@code batches} successful batch executions of statements containing {@code marker}, fail. */
    public void failAfter(int batches, String marker) {
        arm(batches, marker, false);
    }

    /** Like {@link #failAfter}, but from then on every statement fails until {@link #heal()}. */
    public void databaseGoesAwayAfter(int batches, String marker) {
        arm(batches, marker, true);
    }

    private void arm(int batches, String marker, boolean gone) {
        this.marker = marker;
        this.databaseGone = false;
        this.goneAfterFailure = gone;
        batchesBeforeFailure.set(batches);
    }

    public void heal() {
        batchesBeforeFailure.set(-1);
        databaseGone = false;
        marker = null;
    }

    @Bean
    static BeanPostProcessor faultInjectingDataSource(ObjectProvider<FaultInjection> faults) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
                    return new DelegatingDataSource(dataSource) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            FaultInjection fault = faults.getObject();
                            if (fault.databaseGone) {
                                throw new SQLTransientConnectionException("injected: the database has gone away");
                            }
                            return fault.wrap(super.getConnection());
                        }
                    };
                }
                return bean;
            }
        };
    }

    private Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (databaseGone && !method.getName().equals("close") && !method.getName().equals("rollback")) {
                throw new SQLTransientConnectionException("injected: the database has gone away");
            }
            Object result = invoke(connection, method, args);
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement
                    && marker != null && ((String) args[0]).contains(marker)) {
                return wrapStatement(statement);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private PreparedStatement wrapStatement(PreparedStatement statement) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                int left = batchesBeforeFailure.getAndUpdate(n -> n > 0 ? n - 1 : -1);
                if (left == 0) {
                    databaseGone = goneAfterFailure;
                    throw new SQLTransientConnectionException("injected: connection lost during " + marker);
                }
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
