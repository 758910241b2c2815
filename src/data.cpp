#include "zorginkoop/data.hpp"

#include "embedded.hpp"
#include "zorginkoop/core/error.hpp"

namespace zorginkoop {

std::string_view bundled_file(std::string_view relative_path) {
    for (std::size_t i = 0; i < detail::embedded_file_count; ++i)
        if (detail::embedded_files[i].path == relative_path) return detail::embedded_files[i].content;
    throw InvalidInput("no bundled data file '" + std::string(relative_path) + "'");
}

std::vector<std::string> bundled_files() {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < detail::embedded_file_count; ++i) out.emplace_back(detail::embedded_files[i].path);
    return out;
}

}  // namespace zorginkoop
