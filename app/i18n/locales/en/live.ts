export default {
  title: "Live workshop",
} as const;
