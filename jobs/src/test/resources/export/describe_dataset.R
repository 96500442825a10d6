# Used by StudentFormatsTest: runs the export's generated lue_aineisto.R exactly as a student would (source() in
# the export folder) and describes what R made of every column, one tab-separated line per column:
# table, column, class, ordered (TRUE/FALSE), rows, label attribute, levels joined by " | ", first non-missing value.
# Usage: Rscript describe_dataset.R EXPORT_DIR OUT_FILE [LANGUAGE]
args <- commandArgs(trailingOnly = TRUE)
setwd(args[1])
if (length(args) > 2) polku_kieli <- args[3]
source("lue_aineisto.R")
out <- file(args[2], open = "w", encoding = "UTF-8")
for (t in names(polku)) {
  d <- polku[[t]]
  for (n in names(d)) {
    x <- d[[n]]
    first <- x[!is.na(x)]
    first <- if (length(first) > 0) as.character(first[1]) else ""
    lev <- if (is.factor(x)) paste(levels(x), collapse = " | ") else ""
    lab <- attr(x, "label")
    writeLines(paste(t, n, class(x)[length(class(x))], is.ordered(x), nrow(d), if (is.null(lab)) "" else lab, lev, first, sep = "\t"), out)
  }
}
close(out)
