// Allure 3 settings for `kit allure`: one self-contained HTML file (opens from disk, offline), and a
// behaviour tree that reads like the spec: chapter/area, then rule.
export default {
  name: "Async Conformance Kit",
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: "en",
        groupBy: ["epic", "story"],
      },
    },
  },
};
