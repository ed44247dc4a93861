// kealign: Korean-English sentence splitting, alignment and translation QA.
#include <iostream>

#include "app/io.hpp"
#include "commands.hpp"
#include "kealign/error.hpp"
#include "kealign/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"kealign: Korean-English sentence alignment and translation QA"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("kealign ") + kealign::version(),
                       "Print the version and exit");
  kealign::cli::add_split_command(app);
  kealign::cli::add_align_command(app);
  kealign::cli::add_align_set_command(app);
  kealign::cli::add_check_command(app);
  kealign::cli::add_report_command(app);
  kealign::cli::add_eval_command(app);
  kealign::cli::add_lexicon_command(app);
  kealign::cli::add_run_command(app);
  kealign::cli::add_stream_command(app);
  kealign::install_interrupt_handlers();  // outputs in progress are removed on SIGINT/TERM/HUP
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every other parse error is a usage error: 2, as the README
    // says (CLI11's own codes, 105 and up, mean nothing to a shell script).
    const int status = app.exit(e);
    return status == 0 ? 0 : 2;
  } catch (const kealign::UsageError& e) {
    std::cerr << "kealign: " << e.what() << '\n';
    return 2;
  } catch (const kealign::MemoryLimitError& e) {
    std::cerr << "kealign: " << e.what() << " (--max-memory)\n";
    return 1;
  } catch (const kealign::Error& e) {
    std::cerr << "kealign: " << e.what() << '\n';
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "kealign: out of memory\n";
    return 1;
  }
  return 0;
}
