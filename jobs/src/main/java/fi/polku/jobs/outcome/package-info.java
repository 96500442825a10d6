/** The outcomes stage: region outcomes, growth models, pooled effects and project indicators from trajectories. */
package fi.polku.jobs.outcome;
