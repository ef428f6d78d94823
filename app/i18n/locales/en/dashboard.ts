export default {
  title: "Dashboard",
  welcome: "Welcome, {name}",
  schools: {
    title: "Schools",
    caption: { one: "active school in the district", other: "active schools in the district" },
    manage: "Manage schools",
  },
  gradeBands: {
    elementary: "Elementary",
    middle: "Middle",
    high: "High",
    k8: "K–8",
    k12: "K–12",
    other: "Other",
  },
  staff: {
    title: "Staff on Groundwork",
    pending: { one: "{count} invitation not yet accepted", other: "{count} invitations not yet accepted" },
    manage: "Invite and manage staff",
  },
  groups: {
    title: "Stakeholder groups",
    caption: "Your district's target mix of participation, used by the “who is missing?” check in every workshop.",
    group: "Group",
    target: "Target share",
    totalWarning: "The targets add up to {total}%, not 100%.",
    manage: "Edit groups and targets",
  },
  languages: "Languages offered to the community: {languages}",
} as const;
