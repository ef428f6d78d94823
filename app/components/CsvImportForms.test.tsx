import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { isFileLevelProblem } from "~/utils/csv";
import { CsvImportErrors } from "./CsvImportForms";

describe("CSV import errors", () => {
  test("every problem is listed under one alert; a problem of the whole file has no line", () => {
    const problems = [
      { key: "notCsv", line: 3, message: "This is not a CSV file." },
      { key: "nameMissing", line: 4, message: "The name is missing." },
    ].map((problem) => ({ where: isFileLevelProblem(problem.key) ? null : `Line ${problem.line}`, message: problem.message }));
    const html = renderToStaticMarkup(<CsvImportErrors title="2 problems to fix" problems={problems} />);
    expect(html).toContain('<div class="alert alert--error" role="alert"><h3 id="import-errors-heading">2 problems to fix</h3></div>');
    expect(html).toContain("<li>This is not a CSV file.</li>");
    expect(html).toContain("<li><strong>Line 4: </strong>The name is missing.</li>");
  });

  test("only an empty file and a file that is not text are problems of the whole file", () => {
    expect(isFileLevelProblem("emptyFile")).toBe(true);
    expect(isFileLevelProblem("notCsv")).toBe(true);
    expect(isFileLevelProblem("unclosedQuote")).toBe(false);
    expect(isFileLevelProblem("nameMissing")).toBe(false);
  });
});
