package com.qualityreview.review;

import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/** The active sites in code order; its position is saved with each chunk for restarts. */
class SiteReader extends AbstractItemCountingItemStreamItemReader<ReviewReference.Site> {

    private final JdbcTemplate jdbc;
    private List<ReviewReference.Site> sites;
    private int next;

    SiteReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        setName("siteReader");
    }

    @Override
    protected void doOpen() {
        sites = ReviewReference.load(jdbc).sites();
        next = 0;
    }

    @Override
    protected ReviewReference.Site doRead() {
        return next < sites.size() ? sites.get(next++) : null;
    }

    @Override
    protected void doClose() {
        sites = null;
    }
}
