/** Reading and checking input files row by row: columns, field types, record limits (internal). */
package com.qualityreview.intake.csv;
