export * from "./content";
export * from "./events";
export * from "./media";
export * from "./publications";
export * from "./settings";
export * from "./subscribers";
export * from "./users";
export * from "./workflow";
