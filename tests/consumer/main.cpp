// A project outside kealign's tree, using the installed kealign::kealign target.
#include <kealign/analysis.hpp>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  const kealign::Analysis a = kealign::analyze(argv[1], argv[2], {});
  std::cout << a.alignment.size() << " links, " << a.findings.size() << " findings\n";
  return a.alignment.empty() ? 1 : 0;
}
