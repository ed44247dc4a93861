// `kealign lexicon`: the document folders of a root read, checked and learnt from in one go.
#include "app/lexicon_job.hpp"

#include <chrono>

#include "app/document_folders.hpp"
#include "app/io.hpp"
#include "kealign/error.hpp"
#include "kealign/lexicon.hpp"
#include "kealign/text.hpp"

namespace kealign {

LexiconSummary run_lexicon_job(const LexiconJob& job) {
  if (job.names.size() != 2) throw UsageError("lexicon needs two names, e.g. ko en");
  const auto start = std::chrono::steady_clock::now();
  const std::string extension = job.presplit ? ".sents" : ".txt";
  const std::vector<std::string> folders = app_detail::pair_folders(job.root, job.names, extension);
  const auto read = [&](const std::string& dir, const std::string& name, Language lang) {
    Document doc = read_document(dir + "/" + name + extension);
    return job.presplit ? presplit(std::move(doc)) : split(std::move(doc), {lang});
  };
  // Read first, so a bad list fails before any pair is aligned.
  const std::shared_ptr<const Dictionary> dictionary =
      job.dictionary.empty() ? nullptr : Dictionary::read(job.dictionary);
  LexiconLearner learner;
  std::size_t skipped = 0;
  for (const std::string& dir : folders) {
    try {
      learner.add(read(dir, job.names[0], Language::kKorean),
                  read(dir, job.names[1], Language::kEnglish));
    } catch (const InputError&) {
      if (!job.skip_failed) throw;
      ++skipped;
    }
  }
  if (dictionary) learner.add_dictionary(*dictionary);
  const Lexicon lexicon = learner.learn();
  write_output(job.output, lexicon.format());
  LexiconSummary s;
  s.documents = learner.documents();
  s.skipped = skipped;
  s.links = learner.links() - learner.dictionary_links();
  s.dictionary_links = learner.dictionary_links();
  s.entries = lexicon.size();
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

}  // namespace kealign
