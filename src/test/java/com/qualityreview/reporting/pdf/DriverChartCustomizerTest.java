package com.qualityreview.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collection;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class DriverChartCustomizerTest {

    /** One series per dimension, as drivers.jrxml makes them: (mean, r). */
    private static JFreeChart chart(double[]... points) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (int i = 0; i < points.length; i++) {
            XYSeries series = new XYSeries("D" + i);
            series.add(points[i][0], points[i][1]);
            dataset.addSeries(series);
        }
        return ChartFactory.createScatterPlot("drivers", "mean", "r", dataset);
    }

    private static double only(Collection<?> markers) {
        assertThat(markers).hasSize(1);
        return ((ValueMarker) markers.iterator().next()).getValue();
    }

    /**
     * The points of KeyDriversTest: means 2.833333, 2.666667, 4.333333, 3, 4.5 (median 3) and
     * r 0.938, −0.111, 0.610, 0.608, −0.372 (median 0.607644): the crosshairs cross there, and each
     * point is labelled with its series' name.
     */
    @Test
    void theCrosshairsCrossAtTheMediansOfMeanAndCorrelation() {
        JFreeChart chart = chart(new double[] {2.833333, 0.938462}, new double[] {2.666667, -0.110940},
                new double[] {4.333333, 0.610170}, new double[] {3, 0.607644}, new double[] {4.5, -0.372104});

        DriverChartCustomizer.quadrantCrosshairs(chart);

        XYPlot plot = (XYPlot) chart.getPlot();
        assertThat(only(plot.getDomainMarkers(Layer.FOREGROUND))).isEqualTo(3.0);
        assertThat(only(plot.getRangeMarkers(Layer.FOREGROUND))).isEqualTo(0.607644);
        assertThat(plot.getRenderer().getDefaultItemLabelsVisible()).isTrue();
        assertThat(plot.getRenderer().getItemLabelGenerator(3, 0).generateLabel(plot.getDataset(), 3, 0)).isEqualTo("D3");
    }

    /**
     * The axes show the points, not the whole scales. Means 2.666667 to 4.5: width 1.833333, a sixth
     * of it (0.305556) each side: 2.361111 to 4.805556. r −0.372104 to 0.938462: width 1.310566,
     * margin 0.218428: from −0.590532, and up to the scale's 1.
     */
    @Test
    void theAxesAreZoomedToThePointsWithAMarginWithinTheScales() {
        JFreeChart chart = chart(new double[] {2.833333, 0.938462}, new double[] {2.666667, -0.110940},
                new double[] {4.333333, 0.610170}, new double[] {3, 0.607644}, new double[] {4.5, -0.372104});

        DriverChartCustomizer.quadrantCrosshairs(chart);

        XYPlot plot = (XYPlot) chart.getPlot();
        assertThat(plot.getDomainAxis().getLowerBound()).isCloseTo(2.361111, within(1e-6));
        assertThat(plot.getDomainAxis().getUpperBound()).isCloseTo(4.805555, within(1e-6));
        assertThat(plot.getRangeAxis().getLowerBound()).isCloseTo(-0.590532, within(1e-6));
        assertThat(plot.getRangeAxis().getUpperBound()).isEqualTo(1.0);
    }

    /** Dimensions a few hundredths apart (as in the demo) get at least 0.2 of mean and 0.05 of r, centred on them. */
    @Test
    void nearlyEqualPointsGetTheLeastSpanNotAMagnifiedOne() {
        JFreeChart chart = chart(new double[] {3.92, 0.88}, new double[] {3.99, 0.89});

        DriverChartCustomizer.quadrantCrosshairs(chart);

        XYPlot plot = (XYPlot) chart.getPlot();
        // centre 3.955, half of 0.2 and a sixth of it: 3.955 ∓ 0.133333
        assertThat(plot.getDomainAxis().getLowerBound()).isCloseTo(3.821667, within(1e-6));
        assertThat(plot.getDomainAxis().getUpperBound()).isCloseTo(4.088333, within(1e-6));
        // centre 0.885, 0.025 + 0.008333 each side
        assertThat(plot.getRangeAxis().getLowerBound()).isCloseTo(0.851667, within(1e-6));
        assertThat(plot.getRangeAxis().getUpperBound()).isCloseTo(0.918333, within(1e-6));
    }

    @Test
    void aSinglePointHasNoQuadrantsToDivide() {
        JFreeChart chart = chart(new double[] {3.5, 0.4});

        DriverChartCustomizer.quadrantCrosshairs(chart);

        Collection<Marker> markers = ((XYPlot) chart.getPlot()).getDomainMarkers(Layer.FOREGROUND);
        assertThat(markers).isNull();
    }
}
