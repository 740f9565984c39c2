package com.qualityreview.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class CountAxisCustomizerTest {

    /** Sites by rating of a small region: a site or none per rating, drawn at the report's size. */
    private static JFreeChart sitesByRating(long... sites) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int i = 0; i < sites.length; i++) {
            dataset.addValue(sites[i], "Sites", (5 - i) + "★");
        }
        return ChartFactory.createBarChart("Sites by rating", "Rating", "Sites", dataset);
    }

    /** The tick spacing the value axis settles on when the chart is drawn 340 × 170pt, as in overview.jrxml. */
    private static double tickSize(JFreeChart chart) {
        BufferedImage image = new BufferedImage(340, 170, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        chart.draw(graphics, new java.awt.geom.Rectangle2D.Double(0, 0, 340, 170));
        graphics.dispose();
        return ((NumberAxis) ((CategoryPlot) chart.getPlot()).getRangeAxis()).getTickUnit().getSize();
    }

    @Test
    void aCountAxisTicksInWholeNumbersWhereJFreeChartWouldTickInHalves() {
        JFreeChart plain = sitesByRating(0, 1, 1, 0, 0, 0);
        JFreeChart counted = sitesByRating(0, 1, 1, 0, 0, 0);
        CountAxisCustomizer.wholeNumberTicks(counted, Locale.ENGLISH);

        assertThat(tickSize(plain)).as("without the customizer").isLessThan(1.0);
        assertThat(tickSize(counted)).isEqualTo(1.0);
    }

    @Test
    void anAllZeroCountAxisShowsZeroToOneNotTinyFractions() {
        JFreeChart counted = sitesByRating(0, 0, 0, 0, 0, 0);
        CountAxisCustomizer.wholeNumberTicks(counted, Locale.ENGLISH);
        tickSize(counted);
        NumberAxis axis = (NumberAxis) ((CategoryPlot) counted.getPlot()).getRangeAxis();

        assertThat(axis.getLowerBound()).isEqualTo(0.0);
        assertThat(axis.getUpperBound()).isGreaterThanOrEqualTo(1.0);
        assertThat(axis.getTickUnit().getSize()).isEqualTo(1.0);
    }
}
