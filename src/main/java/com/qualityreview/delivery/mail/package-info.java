/** Composing and sending the review emails over SMTP, and who receives them (internal). */
package com.qualityreview.delivery.mail;
