# Shared by make-expected.R and make-weighted-trend-expected.R (sourced from the project root).
# MASS::ginv, inlined (statistics.md: the Moore–Penrose pseudo-inverse where the matrix is singular).
ginv <- function(X, tol = sqrt(.Machine$double.eps)) {
  s <- svd(X)
  keep <- s$d > max(tol * s$d[1L], 0)
  list(inverse = s$v[, keep, drop = FALSE] %*% ((1 / s$d[keep]) * t(s$u[, keep, drop = FALSE])), rank = sum(keep))
}

# survey's svychisq(statistic = "F") body, with ginv for solve and ddf = d0 * degf(design).
rao_scott <- function(design, rows, cols) {
  vars <- design$variables
  rowvar <- sort(unique(na.omit(vars[[rows]]))); colvar <- sort(unique(na.omit(vars[[cols]])))
  nr <- length(rowvar); nc <- length(colvar)
  fsat <- as.formula(sprintf("~interaction(factor(%s), factor(%s)) - 1", rows, cols))
  mm <- model.matrix(fsat, model.frame(fsat, vars, na.action = na.pass))
  N <- nrow(mm)
  mf1 <- expand.grid(rows = 1:nr, cols = 1:nc)
  X1 <- model.matrix(~factor(rows) + factor(cols), mf1)
  X12 <- model.matrix(~factor(rows) * factor(cols), mf1)
  mean2 <- svymean(mm, design, na.rm = TRUE)
  Cmat <- qr.resid(qr(X1), X12[, -(1:(nr + nc - 1)), drop = FALSE])
  iDmat <- diag(ifelse(mean2 == 0, 0, 1 / mean2), nrow = length(mean2))
  V <- attr(mean2, "var")
  denom <- t(Cmat) %*% (iDmat / N) %*% Cmat
  numr <- t(Cmat) %*% iDmat %*% V %*% iDmat %*% Cmat
  g <- ginv(denom)
  Delta <- g$inverse %*% numr
  d0 <- sum(diag(Delta))^2 / sum(diag(Delta %*% Delta))
  tab <- svytable(as.formula(sprintf("~%s + %s", rows, cols)), design, Ntotal = N)
  x2 <- suppressWarnings(chisq.test(tab, correct = FALSE))$statistic
  f <- unname(x2 / sum(diag(Delta)))
  ddf <- d0 * degf(design)
  list(statistic = f, df = d0, ddf = ddf, p = pf(f, d0, ddf, lower.tail = FALSE), rank = g$rank, full = (nr - 1) * (nc - 1))
}
