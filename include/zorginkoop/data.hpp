#pragma once
// The data files bundled with the library (data/ in the source tree), compiled in so that the
// library works without files on disk: index series, plausibility bands, message catalogues.

#include <string>
#include <string_view>
#include <vector>

namespace zorginkoop {

/// The content of a bundled file by its path under data/ ("messages/core.nl.yaml");
/// InvalidInput when there is no such file.
std::string_view bundled_file(std::string_view relative_path);
/// The paths of every bundled file.
std::vector<std::string> bundled_files();

}  // namespace zorginkoop
