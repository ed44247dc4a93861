// kealign: Korean-English sentence splitting, alignment and translation QA.
#include <iostream>

#include "commands.hpp"
#include "kealign/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"kealign: Korean-English sentence alignment and translation QA"};
  app.require_subcommand(1);
  kealign::cli::add_split_command(app);
  kealign::cli::add_align_command(app);
  kealign::cli::add_align_set_command(app);
  kealign::cli::add_check_command(app);
  kealign::cli::add_report_command(app);
  kealign::cli::add_eval_command(app);
  kealign::cli::add_lexicon_command(app);
  kealign::cli::add_run_command(app);
  kealign::cli::add_stream_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const kealign::UsageError& e) {
    std::cerr << "kealign: " << e.what() << '\n';
    return 2;
  } catch (const kealign::Error& e) {
    std::cerr << "kealign: " << e.what() << '\n';
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "kealign: out of memory\n";
    return 1;
  }
  return 0;
}
