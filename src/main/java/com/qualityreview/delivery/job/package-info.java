/** The delivery steps of the review job and the delivery table that makes each email leave once (internal). */
package com.qualityreview.delivery.job;
