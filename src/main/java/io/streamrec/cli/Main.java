package io.streamrec.cli;
public class Main { public static void main(String[] a) {} }
