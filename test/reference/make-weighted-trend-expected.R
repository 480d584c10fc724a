# Reference values for test/reference/weighted-trend-reference.test.ts (issue 9, `analyze --waves … --weighted`).
# Run from the project root:  Rscript test/reference/make-weighted-trend-expected.R
# (Debian: r-base-core r-cran-survey r-cran-jsonlite). CI does not run R; the test reads the committed JSON.
#
# The waves are stacked into one design with the waves as strata, and raked per wave through margins
# crossed with the wave (~wave_size, ~wave_state): each wave reaches its own register margins, and
# svyrecvar carries the raking adjustment into every variance (statistics.md: intervals include it).
# Then per variable, by and group:
#   cells  svyciprop(method = "xlogit") on subset(stacked, wave == w & group & !is.na(variable)),
#   test   svychisq(~wave + value, subset(stacked, group & !is.na(variable)), statistic = "F"), transcribed
#          with ginv (singular tables) and ddf = d0 * degf(subset) = d0 * (domain units - waves in domain).
# The script also rakes each wave on its own (rake() of a one-wave design) and checks that the stacked
# rake gives the same weights, and that svychisq agrees with the transcription wherever it can solve.
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
options(survey.lonely.psu = "fail", warn = 1)

here <- "test/reference"
waves <- c("w1", "w2", "w3")

source(file.path(here, "rao-scott.R")) # ginv and rao_scott, as make-expected.R

read_wave <- function(w) {
  dir <- file.path(here, "weighted-trend", w)
  resp <- read.csv(file.path(dir, "respondents.csv"), colClasses = "character", na.strings = "", encoding = "UTF-8")
  reg <- read.csv(file.path(dir, "register.csv"), colClasses = c("character", "character", "numeric"), encoding = "UTF-8")
  vars <- read.csv(file.path(dir, "variables.csv"), colClasses = "character", encoding = "UTF-8")
  list(resp = cbind(wave = w, resp), reg = reg, domain = setNames(strsplit(vars$values, "|", fixed = TRUE), vars$name), vars = vars)
}

# statistics.md: categories without respondents leave the target population (size classes first).
target_of <- function(wave) {
  resp <- wave$resp; units <- wave$reg; excluded <- list()
  for (k in wave$domain$size_class) if (!(k %in% resp$size_class) && k %in% units$size_class) {
    excluded[[length(excluded) + 1]] <- list(variable = "size_class", value = k, units = sum(units$units[units$size_class == k]))
    units <- units[units$size_class != k, ]
  }
  for (t in wave$domain$state) if (!(t %in% resp$state) && t %in% units$state) {
    excluded[[length(excluded) + 1]] <- list(variable = "state", value = t, units = sum(units$units[units$state == t]))
    units <- units[units$state != t, ]
  }
  list(units = units, excluded = excluded)
}

# rake() with maxit raised until it converges (rake warns otherwise): sweeps as in statistics.md.
rake_counted <- function(des, margins, pops) {
  sweeps <- 1
  repeat {
    warned <- FALSE
    design <- withCallingHandlers(rake(des, margins, pops, control = list(maxit = sweeps, epsilon = 1e-12)),
                                  warning = function(w) { warned <<- TRUE; invokeRestart("muffleWarning") })
    if (!warned || sweeps >= 1000) break
    sweeps <- sweeps + 1
  }
  list(design = design, sweeps = sweeps, converged = !warned)
}

data <- lapply(setNames(waves, waves), read_wave)
domain <- data[[1]]$domain
variables <- data[[1]]$vars$name[data[[1]]$vars$role == "variable"]
groupings <- data[[1]]$vars$name[data[[1]]$vars$role == "grouping"]
targets <- lapply(data, target_of)

# Each wave on its own (the single-wave weighted analysis).
alone <- lapply(waves, function(w) {
  resp <- data[[w]]$resp; units <- targets[[w]]$units
  resp$w0 <- sum(units$units) / nrow(resp)
  pop_size <- aggregate(list(Freq = units$units), list(size_class = units$size_class), sum)
  pop_state <- aggregate(list(Freq = units$units), list(state = units$state), sum)
  r <- rake_counted(svydesign(ids = ~1, weights = ~w0, data = resp), list(~size_class, ~state), list(pop_size, pop_state))
  wt <- weights(r$design)
  list(sweeps = r$sweeps, converged = r$converged, weights = unname(wt), design_effect = length(wt) * sum(wt^2) / sum(wt)^2,
       excluded = targets[[w]]$excluded)
})
names(alone) <- waves

# The stacked design: waves as strata, raked through margins crossed with the wave.
stack <- do.call(rbind, lapply(waves, function(w) {
  resp <- data[[w]]$resp
  resp$w0 <- sum(targets[[w]]$units$units) / nrow(resp)
  resp
}))
stack$wave_size <- paste(stack$wave, stack$size_class, sep = ":")
stack$wave_state <- paste(stack$wave, stack$state, sep = ":")
pop_size <- do.call(rbind, lapply(waves, function(w) {
  u <- targets[[w]]$units
  a <- aggregate(list(Freq = u$units), list(size_class = u$size_class), sum)
  data.frame(wave_size = paste(w, a$size_class, sep = ":"), Freq = a$Freq)
}))
pop_state <- do.call(rbind, lapply(waves, function(w) {
  u <- targets[[w]]$units
  a <- aggregate(list(Freq = u$units), list(state = u$state), sum)
  data.frame(wave_state = paste(w, a$state, sep = ":"), Freq = a$Freq)
}))
stacked <- rake_counted(svydesign(ids = ~1, strata = ~wave, weights = ~w0, data = stack), list(~wave_size, ~wave_state), list(pop_size, pop_state))
design <- stacked$design
w <- weights(design)
stopifnot(stacked$converged, max(abs(w / unlist(lapply(alone, `[[`, "weights")) - 1)) < 1e-9)

wilson_free_cells <- function(variable, grouping, group) {
  y <- stack[[variable]]
  out <- list()
  for (wv in waves) {
    dom <- stack$wave == wv & !is.na(y) & (if (is.null(grouping)) TRUE else (!is.na(stack[[grouping]]) & stack[[grouping]] == group))
    if (!any(dom)) next
    sub <- subset(design, dom)
    for (val in domain[[variable]]) {
      hit <- dom & y == val
      share <- sum(w[hit]) / sum(w[dom])
      ci <- suppressWarnings(svyciprop(as.formula(sprintf("~I(%s == '%s')", variable, val)), sub, method = "xlogit", na.rm = TRUE))
      interval <- if (share <= 0 || share >= 1) c(share, share) else as.numeric(attr(ci, "ci"))
      out[[length(out) + 1]] <- list(wave = wv, by = group, value = val, n = sum(w[hit]), base = sum(w[dom]), share = share, ci95 = interval)
    }
  }
  out
}

change_test <- function(variable, dom) {
  y <- stack[[variable]]
  if (length(unique(y[dom])) < 2 || length(unique(stack$wave[dom])) < 2) return(NULL)
  d2 <- update(design, vv_ = ifelse(dom, y, NA), ww_ = ifelse(dom, stack$wave, NA))
  sub <- subset(d2, dom)
  own <- rao_scott(sub, "ww_", "vv_")
  survey_f <- tryCatch(svychisq(~ww_ + vv_, sub, statistic = "F"), error = function(e) NULL)
  if (!is.null(survey_f)) stopifnot(abs(survey_f$statistic / own$statistic - 1) < 1e-9, abs(survey_f$parameter[["ndf"]] / own$df - 1) < 1e-9)
  tab <- svytable(~ww_ + vv_, sub)
  x2w <- suppressWarnings(chisq.test(tab, correct = FALSE))$statistic
  out <- list(method = "rao-scott", statistic = own$statistic, df = own$df, ddf = own$ddf, p = own$p,
              cramers_v = unname(sqrt(x2w / (sum(tab) * (min(dim(tab)) - 1)))))
  if (own$rank < own$full) out$rank_deficient <- list(rank = own$rank, full = own$full)
  list(test = out, survey_solve_failed = is.null(survey_f))
}

trends <- list()
for (variable in variables) for (by in c("all", groupings)) {
  groups <- if (by == "all") "all" else domain[[by]]
  cells <- list(); changes <- list()
  for (group in groups) {
    cells <- c(cells, wilson_free_cells(variable, if (by == "all") NULL else by, group))
    dom <- !is.na(stack[[variable]]) & (if (by == "all") TRUE else (!is.na(stack[[by]]) & stack[[by]] == group))
    if (!any(dom)) next
    tested <- change_test(variable, dom)
    changes[[length(changes) + 1]] <- list(group = group, test = if (is.null(tested)) NULL else tested$test,
                                           survey_solve_failed = if (is.null(tested)) NULL else tested$survey_solve_failed)
  }
  trends[[length(trends) + 1]] <- list(variable = variable, by = by, cells = cells, changes = changes)
}

result <- list(
  meta = list(r = R.version.string, survey = as.character(packageVersion("survey")), stacked_sweeps = stacked$sweeps,
              note = "Waves stacked as strata, raked per wave via margins crossed with the wave; ddf = d0 * degf(subset)."),
  waves = lapply(waves, function(wv) c(list(wave = wv, n = nrow(data[[wv]]$resp)), alone[[wv]][c("sweeps", "converged", "design_effect", "excluded", "weights")])),
  trends = trends)
writeLines(toJSON(result, auto_unbox = TRUE, digits = I(17), null = "null", na = "null", pretty = TRUE),
           file.path(here, "weighted-trend-expected.json"))
