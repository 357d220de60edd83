// The build's boot image (scripts/vite-boot-snapshot.ts): null in the dev server and in tests.
declare module 'virtual:boot-image' {
  const image: import('./protocol').BootImage | null;
  export default image;
}
