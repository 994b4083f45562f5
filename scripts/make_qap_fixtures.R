#!/usr/bin/env Rscript
# Write the reference fixtures for QAP correlation and regression (`partnergraph qap`, issue 16)
# with R's sna, the implementation UCINET users compare with.
#
# Usage (from the repository root):
#
#     Rscript scripts/make_qap_fixtures.R
#
# Needs R with sna 2.7, yaml and jsonlite (Debian: apt-get install r-cran-sna r-cran-yaml
# r-cran-jsonlite). Writes Tests/PartnerGraphAlgorithmsTests/Fixtures/qap/<case>.json.
#
# Each case reads a Graphs/ file, builds the matrices of its terms over the actors in file order
# as `partnergraph qap` defines them (ties: 1 when a tie joins i to j; weight: the sum of their
# tie weights; relation:NAME: 1 when a tie of that relation does; same:FIELD: 1 when both have
# the field and it is equal; diff:FIELD: the absolute difference), symmetrised in mode "graph"
# (undirected), and runs:
#   sna::gcor(y, x, mode, diag = FALSE) and sna::qaptest(list(y, x), gcor, g1 = 1, g2 = 2,
#     reps = 4000) for the correlation of y with each x: r, Pr(>= r), Pr(<= r);
#   sna::netlm(y, x, mode, diag = FALSE, nullhyp = "qap", test.statistic = "t-value",
#     reps = 4000): coefficients, standard errors (from the fit's QR), t-values, pgreq, pleeq,
#     pgreqabs, R^2 and adjusted R^2.
# The estimates are exact; the p-values are Monte Carlo (set.seed(1)), to be matched within
# sampling error.

suppressMessages({
  library(sna)
  library(yaml)
  library(jsonlite)
})

reps <- 4000
out_dir <- file.path("Tests", "PartnerGraphAlgorithmsTests", "Fixtures", "qap")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

term_matrix <- function(doc, term, symmetric) {
  ids <- vapply(doc$nodes, function(n) as.character(n$id), "")
  n <- length(ids)
  m <- matrix(0, n, n)
  idx <- function(id) match(as.character(id), ids)
  parts <- strsplit(term, ":", fixed = TRUE)[[1]]
  field <- function(node, name) {
    if (name == "country") return(node$country)
    if (name == "kind") return(node$kind)
    node$attributes[[name]]
  }
  if (parts[1] %in% c("ties", "weight", "relation")) {
    for (e in doc$edges) {
      i <- idx(e$from); j <- idx(e$to)
      if (i == j) next
      if (parts[1] == "relation" && e$relation != parts[2]) next
      w <- if (parts[1] == "weight") (if (is.null(e$weight)) 1 else e$weight) else 1
      if (parts[1] == "weight") m[i, j] <- m[i, j] + w else m[i, j] <- 1
      if (symmetric) m[j, i] <- m[i, j]
    }
  } else if (parts[1] == "same") {
    v <- lapply(doc$nodes, field, parts[2])
    for (i in 1:n) for (j in 1:n) {
      if (i != j && !is.null(v[[i]]) && !is.null(v[[j]]) && v[[i]] == v[[j]]) m[i, j] <- 1
    }
  } else if (parts[1] == "diff") {
    v <- vapply(doc$nodes, function(node) as.numeric(field(node, parts[2])), 0)
    m <- abs(outer(v, v, "-"))
  } else stop("unknown term ", term)
  m
}

run_case <- function(name, file, y, x, symmetric) {
  doc <- yaml::read_yaml(file.path("Graphs", file))
  mode <- if (symmetric) "graph" else "digraph"
  Y <- term_matrix(doc, y, symmetric)
  X <- lapply(x, function(t) term_matrix(doc, t, symmetric))
  set.seed(1)
  correlations <- lapply(seq_along(x), function(k) {
    q <- qaptest(list(Y, X[[k]]), gcor, g1 = 1, g2 = 2, reps = reps, mode = mode, diag = FALSE)
    list(x = x[[k]], r = q$testval, pGreater = mean(q$dist >= q$testval), pLess = mean(q$dist <= q$testval))
  })
  fit <- netlm(Y, X, mode = mode, diag = FALSE, nullhyp = "qap", test.statistic = "t-value", reps = reps)
  resvar <- sum(fit$residuals^2) / fit$df.residual
  se <- sqrt(diag(chol2inv(fit$qr$qr)) * resvar)
  fitted <- fit$fitted.values
  yv <- fitted + fit$residuals
  r2 <- 1 - sum(fit$residuals^2) / sum((yv - mean(yv))^2)
  p <- length(fit$coefficients)
  adj <- 1 - (1 - r2) * (fit$n - 1) / (fit$n - p)
  terms <- c("(intercept)", x)
  coefficients <- lapply(seq_len(p), function(k) list(
    term = terms[k], estimate = unname(fit$coefficients[k]), se = se[k], t = fit$tstat[k],
    pGreater = fit$pgreq[k], pLess = fit$pleeq[k], pAbsolute = fit$pgreqabs[k]))
  doc_out <- list(
    name = name, file = file.path("Graphs", file), y = y, x = x, mode = mode, pairs = fit$n,
    permutations = reps, sna = as.character(packageVersion("sna")), r = R.version.string,
    correlations = correlations,
    regression = list(rSquared = r2, adjustedRSquared = adj, coefficients = coefficients))
  path <- file.path(out_dir, paste0(name, ".json"))
  writeLines(toJSON(doc_out, auto_unbox = TRUE, digits = NA, pretty = TRUE), path, useBytes = TRUE)
  cat("wrote", path, "\n")
}

run_case("emon-texas-sponsorship", "emon-texas.yaml", "ties", c("same:Sponsorship", "same:Location"), FALSE)
run_case("emon-texas-weight", "emon-texas.yaml", "weight", c("same:Location", "same:Sponsorship"), FALSE)
run_case("nordic-multiplex", "nordic-innovation-procurement.yaml", "relation:participated-in",
         c("relation:founded", "same:country"), TRUE)
