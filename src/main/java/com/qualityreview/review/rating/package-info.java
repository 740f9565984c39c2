/** The star rating of SPEC section 5 and the warnings of section 6, in plain Java. Named interface: the demo generator rates the sites it makes with them. */
@NamedInterface("rating")
package com.qualityreview.review.rating;

import org.springframework.modulith.NamedInterface;
