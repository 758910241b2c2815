#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifndef ZK_SOURCE_DIR
#error "ZK_SOURCE_DIR must name the source tree"
#endif

namespace zktest {

inline std::string source_path(const std::string& relative) { return std::string(ZK_SOURCE_DIR) + "/" + relative; }

/// The bytes of a file of the source tree ("" when it cannot be read: the comparison then fails).
inline std::string read_source(const std::string& relative) {
    std::ifstream in(source_path(relative), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Rows of a CSV file with a header line; lines starting with '#' are comments.
inline std::vector<std::vector<std::string>> read_csv(const std::string& relative) {
    std::ifstream in(source_path(relative));
    if (!in) throw std::runtime_error("cannot open " + relative);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        if (!line.empty() && line.back() == ',') cells.emplace_back();
        rows.push_back(cells);
    }
    return rows;
}

}  // namespace zktest
