# Reference values for test/reference/*.test.ts, from R's stats and survey packages.
# Run from the project root:  Rscript test/reference/make-expected.R
# (Debian: apt-get install r-base-core r-cran-survey r-cran-jsonlite). CI does not run R; the tests read
# the committed expected.json.
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
options(survey.lonely.psu = "fail", warn = 1)

here <- "test/reference"
fixtures <- c("small", "medium")

source(file.path(here, "rao-scott.R")) # ginv and rao_scott

rake_fixture <- function(resp, reg, size_order, state_order) {
  excluded <- list()
  units <- reg
  for (k in size_order) if (!(k %in% resp$size_class) && k %in% units$size_class) {
    excluded[[length(excluded) + 1]] <- list(variable = "size_class", value = k, units = sum(units$units[units$size_class == k]))
    units <- units[units$size_class != k, ]
  }
  for (t in state_order) if (!(t %in% resp$state) && t %in% units$state) {
    excluded[[length(excluded) + 1]] <- list(variable = "state", value = t, units = sum(units$units[units$state == t]))
    units <- units[units$state != t, ]
  }
  pop_size <- aggregate(list(Freq = units$units), list(size_class = units$size_class), sum)
  pop_state <- aggregate(list(Freq = units$units), list(state = units$state), sum)
  resp$w0 <- sum(units$units) / nrow(resp)
  des <- svydesign(ids = ~1, weights = ~w0, data = resp)
  rk <- function(maxit) rake(des, list(~size_class, ~state), list(pop_size, pop_state), control = list(maxit = maxit, epsilon = 1e-12))
  sweeps <- 1
  repeat {
    warned <- FALSE
    design <- withCallingHandlers(rk(sweeps), warning = function(w) { warned <<- TRUE; invokeRestart("muffleWarning") })
    if (!warned || sweeps >= 1000) break
    sweeps <- sweeps + 1
  }
  w <- weights(design)
  list(design = design, sweeps = sweeps, converged = !warned, excluded = excluded, weights = unname(w),
       design_effect = length(w) * sum(w^2) / sum(w)^2)
}

wilson <- function(x, n) as.numeric(suppressWarnings(prop.test(x, n, correct = FALSE))$conf.int)

unweighted_test <- function(v, g) {
  tab <- table(v, g)
  if (nrow(tab) < 2 || ncol(tab) < 2) return(NULL)
  chi <- suppressWarnings(chisq.test(tab, correct = FALSE))
  v_ <- unname(sqrt(chi$statistic / (sum(tab) * (min(dim(tab)) - 1))))
  if (all(dim(tab) == 2) && min(chi$expected) < 5) return(list(method = "fisher", p = fisher.test(tab)$p.value, cramers_v = v_))
  list(method = "chi2", statistic = unname(chi$statistic), df = unname(chi$parameter), p = chi$p.value, cramers_v = v_)
}

weighted_test <- function(design, v, g, dom) {
  if (length(unique(v[dom])) < 2 || length(unique(g[dom])) < 2) return(NULL)
  d2 <- update(design, vv_ = ifelse(dom, v, NA), gg_ = ifelse(dom, g, NA))
  sub <- subset(d2, dom)
  own <- rao_scott(sub, "vv_", "gg_")
  survey_f <- tryCatch(svychisq(~vv_ + gg_, sub, statistic = "F"), error = function(e) NULL)
  if (!is.null(survey_f)) {
    # Full rank: our transcription must reproduce svychisq's statistic and numerator df exactly.
    stopifnot(abs(survey_f$statistic / own$statistic - 1) < 1e-9, abs(survey_f$parameter[["ndf"]] / own$df - 1) < 1e-9)
  }
  tab <- svytable(~vv_ + gg_, sub)
  x2w <- suppressWarnings(chisq.test(tab, correct = FALSE))$statistic
  out <- list(method = "rao-scott", statistic = own$statistic, df = own$df, ddf = own$ddf, p = own$p,
              cramers_v = unname(sqrt(x2w / (sum(tab) * (min(dim(tab)) - 1)))),
              survey_ddf = if (is.null(survey_f)) NULL else unname(survey_f$parameter[["ddf"]]),
              survey_solve_failed = is.null(survey_f))
  if (own$rank < own$full) out$rank_deficient <- list(rank = own$rank, full = own$full)
  out
}

cells_of <- function(design, resp, w, variable, values, grouping, groups) {
  y <- resp[[variable]]
  out <- list()
  for (gg in groups) {
    dom <- !is.na(y) & (if (is.null(grouping)) TRUE else (!is.na(resp[[grouping]]) & resp[[grouping]] == gg))
    base_u <- sum(dom)
    if (base_u == 0) next
    sub <- subset(design, dom)
    for (val in values) {
      hit <- dom & y == val
      n_u <- sum(hit)
      share <- sum(w[hit]) / sum(w[dom])
      f <- as.formula(sprintf("~I(%s == '%s')", variable, val))
      ci <- suppressWarnings(svyciprop(f, sub, method = "xlogit", na.rm = TRUE)) # qt(df = 0) warns for a single unit
      m <- svymean(as.formula(sprintf("~as.numeric(%s == '%s')", variable, val)), sub, na.rm = TRUE)
      interval <- if (share <= 0 || share >= 1) c(share, share) else as.numeric(attr(ci, "ci"))
      out[[length(out) + 1]] <- list(by = gg, value = val, unweighted = list(n = n_u, base = base_u, share = n_u / base_u, ci95 = wilson(n_u, base_u)),
                                     weighted = list(n = sum(w[hit]), base = sum(w[dom]), share = share, se = unname(SE(m)[1]), ci95 = interval,
                                                     svyciprop = unname(as.numeric(ci))))
    }
  }
  out
}

run_fixture <- function(name) {
  dir <- file.path(here, name)
  resp <- read.csv(file.path(dir, "respondents.csv"), colClasses = "character", na.strings = "", encoding = "UTF-8")
  reg <- read.csv(file.path(dir, "register.csv"), colClasses = c("character", "character", "numeric"), encoding = "UTF-8")
  vars <- read.csv(file.path(dir, "variables.csv"), colClasses = "character", encoding = "UTF-8")
  domain <- setNames(strsplit(vars$values, "|", fixed = TRUE), vars$name)
  raked <- rake_fixture(resp, reg, domain$size_class, domain$state)
  design <- raked$design
  w <- weights(design)
  tables <- list()
  for (variable in vars$name[vars$role == "variable"]) {
    tables[[length(tables) + 1]] <- list(variable = variable, by = "all", cells = cells_of(design, resp, w, variable, domain[[variable]], NULL, "all"))
    for (grouping in vars$name[vars$role == "grouping"]) {
      y <- resp[[variable]]; g <- resp[[grouping]]
      dom <- !is.na(y) & !is.na(g)
      tables[[length(tables) + 1]] <- list(
        variable = variable, by = grouping,
        cells = cells_of(design, resp, w, variable, domain[[variable]], grouping, domain[[grouping]]),
        unweighted_test = if (any(dom)) unweighted_test(y[dom], g[dom]) else NULL,
        weighted_test = if (any(dom)) weighted_test(design, y, g, dom) else NULL)
    }
  }
  list(weights = raked$weights, iterations = raked$sweeps, converged = raked$converged,
       design_effect = raked$design_effect, excluded = raked$excluded, tables = tables)
}

result <- list(
  meta = list(
    r = R.version.string, survey = as.character(packageVersion("survey")),
    note = paste("ddf = d0 * degf(subset design) as in current survey (svychisq uses degf());",
                 "survey 4.1.1's svychisq used all rows of the subset (survey_ddf).",
                 "Iterations = sweeps of rake() until the size_class x state table changes by < 1e-12 * sum of start weights.")),
  fixtures = setNames(lapply(fixtures, run_fixture), fixtures))
writeLines(toJSON(result, auto_unbox = TRUE, digits = I(17), null = "null", na = "null", pretty = TRUE), file.path(here, "expected.json"))
