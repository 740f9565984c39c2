package com.qualityreview.review;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link Period} straight from a path or request parameter ("2026-10", "2026-Q4"). */
@Component
class PeriodConverter implements Converter<String, Period> {

    @Override
    public Period convert(String text) {
        return Period.parse(text.trim());
    }
}
