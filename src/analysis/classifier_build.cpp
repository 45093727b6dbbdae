#include "analysis/classifier_build.h"

#include <system_error>
#include <utility>

#include "util/parallel_for.h"

namespace gdpr::analysis {

ClassifierBuild::ClassifierBuild(std::string dir, const Taxonomy& taxonomy, std::string display_dir) {
  auto build = [dir = std::move(dir), &taxonomy, shown = std::move(display_dir)] {
    Result r;
    r.classifier = Classifier::LoadDir(dir, taxonomy, r.diags, shown);
    return r;
  };
  const bool threaded = util::WorkerCount(2) > 1;
  try {
    result_ = std::async(threaded ? std::launch::async : std::launch::deferred, build);
  } catch (const std::system_error&) {
    result_ = std::async(std::launch::deferred, build);  // no thread: build on first wait
  }
}

std::shared_ptr<const Classifier> ClassifierBuild::Finish(model::Diagnostics& diags) {
  Result r = result_.get();
  diags.Append(std::move(r.diags));
  if (!r.classifier) return nullptr;  // LoadDir fails on any error it reported
  return std::make_shared<const Classifier>(std::move(*r.classifier));
}

}  // namespace gdpr::analysis
