export default {
  title: "Dashboard",
  welcome: "Welcome, {name}",
} as const;
