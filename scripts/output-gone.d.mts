export declare function stopWhenOutputCloses(options?: { streams?: NodeJS.WritableStream[]; stop?: () => void }): void;
