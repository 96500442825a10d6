/** Region outcomes from scores: pre–post effect sizes, shares, arm contrasts, growth models and pooling. */
package fi.polku.outcome;
