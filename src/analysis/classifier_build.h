// ClassifierBuild: Classifier::LoadDir on a thread of its own. Building the classifier
// (compiling its regular expressions) is most of the start-up of a small run, and it
// needs nothing but the taxonomy, so a run reads its rule packs, declarations and
// schemas meanwhile. What the build reports is kept apart until Finish() hands it over
// whole: the caller puts it where a serial load would have reported it, so neither the
// text nor the order of the diagnostics depends on the threads.
#pragma once

#include <future>
#include <memory>
#include <optional>
#include <string>

#include "analysis/classifier.h"
#include "analysis/taxonomy.h"
#include "model/diagnostics.h"

namespace gdpr::analysis {

class ClassifierBuild {
 public:
  // Starts Classifier::LoadDir(dir, taxonomy, ..., display_dir). `taxonomy` must stay
  // where it is until Finish() returns or this is destroyed. The build runs inside
  // Finish() instead when no thread can be had or GDPR_AUDIT_THREADS=1 asks for one.
  ClassifierBuild(std::string dir, const Taxonomy& taxonomy, std::string display_dir);
  ClassifierBuild(ClassifierBuild&&) noexcept = default;
  ClassifierBuild& operator=(ClassifierBuild&&) noexcept = default;
  ~ClassifierBuild() = default;  // waits for the build (std::async's future does)

  // Waits for the build, appends everything it reported to `diags` and returns the
  // classifier, or null when it reported an error. Call once.
  std::shared_ptr<const Classifier> Finish(model::Diagnostics& diags);

 private:
  struct Result {
    std::optional<Classifier> classifier;
    model::Diagnostics diags;
  };
  std::future<Result> result_;
};

}  // namespace gdpr::analysis
