#pragma once
// Internal: the table of bundled data files written by cmake/embed.cmake.
#include <cstddef>
#include <string_view>

namespace zorginkoop::detail {
struct EmbeddedFile {
    std::string_view path;
    std::string_view content;
};
extern const EmbeddedFile embedded_files[];
extern const std::size_t embedded_file_count;
}  // namespace zorginkoop::detail
