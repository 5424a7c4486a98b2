// Where the servers under test run: the host and the demo on two different sites (127.0.0.1 vs localhost).
export const HOST_PORT = Number(process.env.PORT ?? 3000);
export const DEMO_PORT = Number(process.env.DEMO_PORT ?? 8080);
export const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
export const DEMO_ORIGIN = `http://localhost:${DEMO_PORT}`;
