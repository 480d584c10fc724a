# Reference values for test/reference/trend-reference.test.ts (issue 9): per variable, by (all, grp) and
# group, the wave × value test (chisq.test without correction, fisher.test for 2×2 with an expected count
# below 5) and, for the 0/1 and flag variables, McNemar's test (mcnemar.test, default correct = TRUE) on
# the units of each pair of consecutive waves, grouped by the earlier wave's group.
# Run from the project root:  Rscript test/reference/make-trend-expected.R
suppressPackageStartupMessages(library(jsonlite))

here <- "test/reference"
d <- read.csv(file.path(here, "trend", "waves.csv"), colClasses = "character", na.strings = "")
waves <- c("w1", "w2", "w3")
domains <- list(v_bin = c("0", "1"), v_flag = c("false", "true"), v_cat = c("a", "b", "c", "d"))
groups <- list(all = "all", grp = c("x", "y", "z"))

change_test <- function(sub, variable) {
  tab <- table(factor(sub$wave, levels = waves), factor(sub[[variable]], levels = domains[[variable]]))
  tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
  if (nrow(tab) < 2 || ncol(tab) < 2) return(NULL)
  chi <- suppressWarnings(chisq.test(tab, correct = FALSE))
  v <- unname(sqrt(chi$statistic / (sum(tab) * (min(dim(tab)) - 1))))
  if (all(dim(tab) == 2) && min(chi$expected) < 5) return(list(method = "fisher", p = fisher.test(tab)$p.value, cramers_v = v))
  list(method = "chi2", statistic = unname(chi$statistic), df = unname(chi$parameter), p = chi$p.value, cramers_v = v)
}

panel_test <- function(variable, by, group, from, to) {
  a <- d[d$wave == from, ]; b <- d[d$wave == to, ]
  m <- merge(a, b, by = "ags", suffixes = c(".a", ".b"))
  keep <- !is.na(m[[paste0(variable, ".a")]]) & !is.na(m[[paste0(variable, ".b")]])
  if (by != "all") keep <- keep & !is.na(m$grp.a) & m$grp.a == group
  m <- m[keep, ]
  lv <- domains[[variable]]
  tab <- table(factor(m[[paste0(variable, ".a")]], levels = lv), factor(m[[paste0(variable, ".b")]], levels = lv))
  out <- list(from = from, to = to, units = nrow(m), rises = tab[1, 2], falls = tab[2, 1], test = NULL)
  if (tab[1, 2] + tab[2, 1] > 0) {
    mc <- mcnemar.test(tab)
    out$test <- list(method = "mcnemar", statistic = unname(mc$statistic), df = unname(mc$parameter), p = mc$p.value)
  }
  out
}

changes <- list()
for (variable in names(domains)) for (by in names(groups)) for (group in groups[[by]]) {
  sub <- d[!is.na(d[[variable]]), ]
  if (by != "all") sub <- sub[!is.na(sub$grp) & sub$grp == group, ]
  if (nrow(sub) == 0) next
  entry <- list(variable = variable, by = by, group = group, test = change_test(sub, variable))
  if (variable != "v_cat") entry$panel <- list(panel_test(variable, by, group, "w1", "w2"), panel_test(variable, by, group, "w2", "w3"))
  changes[[length(changes) + 1]] <- entry
}
writeLines(toJSON(list(r_version = R.version.string, changes = changes), auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           file.path(here, "trend-expected.json"))
