package com.qualityreview.reporting.pdf;

import java.util.Locale;

import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.engine.JRParameter;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.data.RangeType;

/**
 * For charts whose value axis counts things (sites by rating, complaints per category): whole-number
 * ticks in the report's locale, never "0.5 sites", and a range of at least 0 to 1 so that an
 * all-zero chart shows 0 and 1 rather than ticks of ±4E-9. Every value axis of the chart gets it (the
 * Pareto's cumulative-% axis has a fixed 0–100 range, where whole-number ticks read as well).
 * Named in a template's chart as {@code customizerClass}; JasperReports makes one per chart fill.
 */
public class CountAxisCustomizer extends JRAbstractChartCustomizer {

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        Object reportLocale = getParameterValue(JRParameter.REPORT_LOCALE);
        wholeNumberTicks(chart, reportLocale instanceof Locale locale ? locale : Locale.ENGLISH);
    }

    /** Every value axis of a category chart: whole-number ticks in {@code locale}, a range of at least 0 to 1. */
    static void wholeNumberTicks(JFreeChart chart, Locale locale) {
        Plot plot = chart.getPlot();
        if (!(plot instanceof CategoryPlot categories)) {
            return;
        }
        for (int i = 0; i < categories.getRangeAxisCount(); i++) {
            ValueAxis axis = categories.getRangeAxis(i);
            if (axis instanceof NumberAxis numbers) {
                numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
                // a count is never negative: an all-zero axis runs 0 to 1, not -0.5 to 0.5
                numbers.setRangeType(RangeType.POSITIVE);
                numbers.setAutoRangeMinimumSize(1.0);
                numbers.setAutoRangeIncludesZero(true);
            }
        }
    }
}
